package io.ocppsec.core.internal.x509;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one A00.FR.510/511 syntax rule. Every case of the two former URL/IP rules (the certificate linter's and the
 * CSR inspector's) is here, with the answer of the rule that won.
 */
class HostNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // scheme-based URLs (both former rules)
        "https://cs-0001.example.com/ocpp | a URL", "https://cs.example.com | a URL", "wss://cs/1 | a URL",
        "HTTP://CS | a URL", "ftp://files | a URL", "custom+scheme://x | a URL",
        // well-known schemes without // (the linter's list) and the CSR rule's urn:, mailto:, www.
        "urn:ocpp:cs:1 | a URL", "mailto:ops@example.com | a URL", "https:cs | a URL", "wss:cs | a URL",
        "www.example.com | a URL", "WWW.cs1 | a URL", "www.0001 | a URL",
        // a path
        "cs-0001/ocpp | a URL", "cs/0001 | a URL",
        // IP addresses
        "10.0.0.1 | an IP address", "192.0.2.10 | an IP address", "2001:db8::1 | an IP address",
        "2001:db8::7 | an IP address", "::1 | an IP address", "[::1] | an IP address", "fe80::1%eth0 | an IP address",
        "::ffff:192.0.2.1 | an IP address",
        // host names: what tells a CSMS certificate (A00.FR.510) apart
        "cs-0001.example.com | a host name", "station.local.de | a host name", "x1.io | a host name"})
    void whatAStationCommonNameMustNotBe(String cn, String what) {
        assertThat(HostNames.notASerialNumber(cn)).as(cn).contains(what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CS-0001", "SN123456", "ABC_001", "SN.1234", "0001", "CS:01", "DE*ABC*E123", "1.2.3"})
    void serialNumbersPass(String cn) {
        assertThat(HostNames.notASerialNumber(cn)).as(cn).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csms.example.com", "a-b.c.example.org", "CSMS.EXAMPLE.COM", "x1.io"})
    void fqdns(String s) {
        assertThat(HostNames.isFqdn(s)).as(s).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "2001:db8::1", "https://csms.example.com/ocpp", "*.example.com", "localhost",
        "csms_example.com", "csms..example.com", "-csms.example.com", "csms.example.123", "", "csms.example.com."})
    void notFqdns(String s) {
        assertThat(HostNames.isFqdn(s)).as(s).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"csms.example.com,CSMS.Example.COM,true", "csms.example.com,csms.example.com.,true",
        "csms.example.com,csms2.example.com,false"})
    void sameHost(String a, String b, boolean same) {
        assertThat(HostNames.sameHost(a, b)).isEqualTo(same);
    }
}
