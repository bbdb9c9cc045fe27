#!/usr/bin/env bash
# External audit of a CSMS TLS endpoint built with ocpp-security-tls, probed with tools that share no
# code with JSSE: openssl s_client (required) and sslscan (optional, used when installed).
#
# Checks (OCPP 2.0.1 Part 2):
#   - only TLS 1.2 and 1.3 are accepted                (A00.FR.313, A00.FR.416)
#   - only the allowed AEAD suites are accepted; the four
#     suites the CSMS SHALL support are all accepted     (A00.FR.318/320, A00.FR.421/423)
#   - no TLS compression                                (A00.FR.321, A00.FR.424)
#   - profile 3 sends a CertificateRequest, refuses a client without certificate and accepts the
#     station certificate                               (A00.FR.401/402/407)
#   - (sslscan) no SSLv2/SSLv3/TLS1.0/1.1, no compression, no insecure renegotiation
#
# Usage: ocpp-security-tls/src/test/audit/audit-tls.sh
#   AUDIT_CP   class path to use instead of asking Maven (must hold the tls test classes)
#   MVN_FLAGS  flags for the Maven call that builds the class path (default: -B -q)
# Exit status: 0 when clean, 1 when there is a finding, 2 when the audit could not run.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
WORK=$(mktemp -d)
FINDINGS=0
SERVER_PID=""
FQDN=csms.example.com

cleanup() {
    exec 3>&- 2>/dev/null || true
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

finding() { echo "FINDING: $*"; FINDINGS=$((FINDINGS + 1)); }
pass() { echo "ok: $*"; }

command -v openssl >/dev/null || { echo "openssl is required"; exit 2; }

# ---- start the SDK CSMS endpoint -------------------------------------------------------------
if [ -z "${AUDIT_CP:-}" ]; then
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn ${MVN_FLAGS:--B -q} test-compile \
        org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
        -pl ocpp-security-tls -am -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test) \
        || { echo "cannot build the class path"; exit 2; }
    AUDIT_CP="$ROOT/ocpp-security-tls/target/test-classes:$ROOT/ocpp-security-tls/target/classes:$(cat "$WORK/cp.txt")"
fi
mkfifo "$WORK/stdin"
java -cp "$AUDIT_CP" io.ocppsec.tls.AuditCsmsServer "$WORK/pki" <"$WORK/stdin" >"$WORK/server.out" 2>&1 &
SERVER_PID=$!
exec 3>"$WORK/stdin"
for _ in $(seq 1 100); do
    grep -q '^PORT3 ' "$WORK/server.out" 2>/dev/null && break
    sleep 0.1
done
PORT2=$(sed -n 's/^PORT2 //p' "$WORK/server.out")
PORT3=$(sed -n 's/^PORT3 //p' "$WORK/server.out")
if [ -z "$PORT2" ] || [ -z "$PORT3" ]; then
    echo "the audit server did not start:"; cat "$WORK/server.out"; exit 2
fi
echo "CSMS endpoint (SDK): profile 2 on 127.0.0.1:$PORT2, profile 3 on 127.0.0.1:$PORT3"

probe() { # probe PORT openssl-args... ; prints the s_client transcript
    local port=$1; shift
    timeout 10 openssl s_client -connect "127.0.0.1:$port" -servername "$FQDN" "$@" </dev/null 2>&1
}
accepted() { grep -q 'Cipher is ' <<<"$1" && ! grep -q 'Cipher is (NONE)' <<<"$1"; }

ALLOWED="TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256
TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
TLS_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_256_GCM_SHA384"
REQUIRED="TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
TLS_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_256_GCM_SHA384"
is_allowed() { grep -qw -- "$1" <<<"$ALLOWED"; }

# ---- protocol versions (A00.FR.313/416) --------------------------------------------------------
for port in "$PORT2" "$PORT3"; do
    for v in ssl3 tls1 tls1_1; do
        out=$(probe "$port" "-$v" -cipher 'DEFAULT:@SECLEVEL=0')
        if grep -qiE 'unknown option|no protocols available|unsupported option' <<<"$out"; then
            echo "note: this openssl cannot offer -$v; not probed with s_client"
        elif accepted "$out"; then
            finding "port $port accepted $v"
        else
            pass "port $port refused $v ($(grep -oiE 'alert [a-z ]+|wrong version number|unsupported protocol' <<<"$out" | head -1))"
        fi
    done
done
for v in tls1_2 tls1_3; do
    out=$(probe "$PORT2" "-$v")
    if accepted "$out"; then pass "port $PORT2 accepted $v"; else finding "port $PORT2 refused $v"; fi
done

# ---- TLS 1.2 cipher suites (A00.FR.318/320/421/423) -------------------------------------------
openssl ciphers -stdname -tls1_2 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' 2>/dev/null \
    | awk '$2 == "-" && $4 !~ /TLSv1.3/ {print $3, $1}' >"$WORK/names"
ACCEPTED12=""
while read -r ossl std; do
    out=$(probe "$PORT2" -tls1_2 -cipher "$ossl:@SECLEVEL=0")
    if accepted "$out"; then
        ACCEPTED12="$ACCEPTED12 $std"
        is_allowed "$std" || finding "TLS 1.2 suite $std ($ossl) accepted but not allowed"
    fi
done <"$WORK/names"
echo "TLS 1.2 suites accepted (of $(wc -l <"$WORK/names") probed):$ACCEPTED12"
for r in $REQUIRED; do
    grep -qw -- "$r" <<<"$ACCEPTED12" && pass "required suite $r accepted" || finding "required suite $r not accepted"
done

# ---- TLS 1.3 cipher suites ---------------------------------------------------------------------
for cs in TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256 TLS_AES_128_CCM_SHA256 TLS_AES_128_CCM_8_SHA256; do
    out=$(probe "$PORT2" -tls1_3 -ciphersuites "$cs")
    if accepted "$out"; then
        is_allowed "$cs" && pass "TLS 1.3 suite $cs accepted" || finding "TLS 1.3 suite $cs accepted but not allowed"
    else
        echo "TLS 1.3 suite $cs refused"
    fi
done

# ---- compression (A00.FR.321/424) --------------------------------------------------------------
out=$(probe "$PORT2" -tls1_2 -comp)
if grep -q 'Compression: NONE' <<<"$out"; then pass "no compression (client offered it with -comp)"
else finding "compression negotiated: $(grep 'Compression:' <<<"$out")"; fi

# ---- profile 3 client certificate (A00.FR.401/402/407) ----------------------------------------
out=$(probe "$PORT3" -tls1_2)
if grep -q 'Client Certificate Types' <<<"$out"; then pass "profile 3 sends a CertificateRequest"
else finding "profile 3 sent no CertificateRequest"; fi
if accepted "$out" && ! grep -qiE 'alert|error' <<<"$out"; then finding "profile 3 accepted a client without certificate"
else pass "profile 3 refused a client without certificate ($(grep -oiE 'alert [a-z ]+' <<<"$out" | head -1))"; fi
P="$WORK/pki"
for v in tls1_2 tls1_3; do
    out=$(probe "$PORT3" "-$v" -cert "$P/station.pem" -cert_chain "$P/station-chain.pem" -key "$P/station-key.pem" -CAfile "$P/cso-root.pem" \
        -verify_return_error -ign_eof)
    if accepted "$out" && grep -q '^OK' <<<"$out"; then pass "profile 3 accepted the station certificate over $v (Verify: $(grep -o 'Verify return code: [^)]*)' <<<"$out" | head -1))"
    else finding "profile 3 refused the station certificate over $v"; fi
done

# ---- sslscan (independent scanner), when installed --------------------------------------------
if command -v sslscan >/dev/null; then
    sslscan --no-colour --sni-name="$FQDN" --xml="$WORK/scan.xml" "127.0.0.1:$PORT2" >"$WORK/scan.txt" 2>&1
    grep -E '<protocol type="(ssl|tls)" version="[^"]*" enabled="1"' "$WORK/scan.xml" \
        | grep -vE 'version="1\.[23]"' | while read -r l; do echo "FINDING: sslscan: $l"; done
    n=$(grep -E '<protocol type="(ssl|tls)" version="[^"]*" enabled="1"' "$WORK/scan.xml" | grep -cvE 'version="1\.[23]"')
    FINDINGS=$((FINDINGS + n))
    if grep -q '<compression supported="1"' "$WORK/scan.xml"; then finding "sslscan: compression supported"; else pass "sslscan: no compression"; fi
    if grep -q '<renegotiation supported="1" secure="0"' "$WORK/scan.xml"; then finding "sslscan: insecure renegotiation"
    else pass "sslscan: no insecure renegotiation ($(grep -o '<renegotiation[^>]*>' "$WORK/scan.xml"))"; fi
    openssl ciphers -stdname 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' 2>/dev/null | awk '{print $3, $1}' >"$WORK/allnames"
    for c in $(grep -oE '<cipher status="(accepted|preferred)"[^>]*' "$WORK/scan.xml" | sed -E 's/.*cipher="([^"]*)".*/\1/'); do
        std=$(awk -v c="$c" '$1 == c {print $2; exit}' "$WORK/allnames")
        [ -z "$std" ] && std=$c
        is_allowed "$std" || finding "sslscan: suite $c accepted but not allowed"
    done
    echo "sslscan accepted: $(grep -oE '<cipher status="(accepted|preferred)" sslversion="[^"]*"[^>]*cipher="[^"]*"' "$WORK/scan.xml" \
        | sed -E 's/.*sslversion="([^"]*)".*cipher="([^"]*)"/\1:\2/' | tr '\n' ' ')"
else
    echo "note: sslscan not installed; skipped (apt-get install -y sslscan)"
fi

echo "audit finished: $FINDINGS finding(s)"
[ "$FINDINGS" -eq 0 ]
