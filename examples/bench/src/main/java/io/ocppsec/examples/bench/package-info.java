/**
 * JMH benchmarks of the SDK, each SDK path measured against a baseline in the same run (plain JSSE,
 * plain JDK PKIX, openssl…). Run them with {@code java -jar examples/bench/target/ocpp-security-benchmarks.jar}.
 */
package io.ocppsec.examples.bench;
