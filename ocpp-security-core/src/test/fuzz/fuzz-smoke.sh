#!/usr/bin/env bash
# Runs every Jazzer fuzz test of ocpp-security-core in fuzzing mode for a short budget each and fails on
# the first finding. Regression mode (the seeds only) runs in every `mvn verify`; this is the extra step.
#
#   ocpp-security-core/src/test/fuzz/fuzz-smoke.sh                      # all targets, FUZZ_SECONDS each
#   ocpp-security-core/src/test/fuzz/fuzz-smoke.sh CsrInspectorFuzzTest#inspectDer   # some targets
#
# Environment:
#   FUZZ_SECONDS   fuzzing time per target (default 20)
#   FUZZ_TIMEOUT   libFuzzer hard per-input timeout in seconds (default 5); the invariant itself fails any
#                  input slower than 1 s (-Docppsec.fuzz.maxMillisPerInput), measured twice to skip warm-up
#   FUZZ_MAX_LEN   largest input in bytes (default 8192)
#   FUZZ_INSTRUMENT  classes that give coverage feedback (Jazzer globs; default: ours, Parsson and BC's parsers)
#   FUZZ_JOBS      targets fuzzed at the same time (default 2: one per core of a small CI machine)
#   MVN_OFFLINE    "-o" (default) or "" to let Maven download
#   FUZZ_SEED      libFuzzer seed; CI fixes it so that its short run explores the same inputs as a longer
#                  run with the same seed did before the commit (unset: a new random seed each run)
#
# Where things go (all under ocpp-security-core/target/fuzz, never the source tree):
#   .cifuzz-corpus/<class>/<method>/   the corpus the fuzzer grows (kept between runs until `mvn clean`)
#   findings/<class>#<method>/         crash-<sha1> files (the raw input) of a finding
#   logs/<class>#<method>.log          the fuzzer's output (executions, coverage, the finding's stack trace)
# To keep a finding as a regression test, copy its crash file into
# src/test/resources/<package path>/<Class>Inputs/<method>/ and fix the parser.
#
# Long campaign (one target at a time; Jazzer fuzzes only one per JVM), e.g. an hour on the CSR inspector
# with the corpus kept in target/fuzz:
#   FUZZ_SECONDS=3600 FUZZ_MAX_LEN=16384 ocpp-security-core/src/test/fuzz/fuzz-smoke.sh CsrInspectorFuzzTest#inspectDer
# or in parallel, one shell per target on a machine with spare cores.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../../.." && pwd)"
MODULE="$ROOT/ocpp-security-core"
OUT="$MODULE/target/fuzz"
SECS="${FUZZ_SECONDS:-20}"
TIMEOUT="${FUZZ_TIMEOUT:-5}"
MAX_LEN="${FUZZ_MAX_LEN:-8192}"
OFFLINE="${MVN_OFFLINE--o}"
JOBS="${FUZZ_JOBS:-2}"
# Coverage feedback for our code and the parsers underneath it (Bouncy Castle's ASN.1/X.509/PKCS/OCSP
# layers, Parsson); not the whole BC provider, whose instrumentation costs more start-up than it gives.
INSTRUMENT="${FUZZ_INSTRUMENT:-io.ocppsec.**,org.bouncycastle.asn1.**,org.bouncycastle.cert.**,org.bouncycastle.pkcs.**,org.bouncycastle.util.**,org.eclipse.parsson.**}"

TARGETS=(
  OcppJsonCodecFuzzTest#decodeFrame
  OcppJsonCodecFuzzTest#decodePayload
  CsrInspectorFuzzTest#inspectPem
  CsrInspectorFuzzTest#inspectDer
  SecurityLogFuzzTest#readLog
  SecurityLogFuzzTest#openLog
  FileSecurityEventQueueFuzzTest#openJournal
  FileSecurityEventQueueFuzzTest#openJournalWithValidChecksums
  OcspResponseFuzzTest#check
  FirmwareVerifierFuzzTest#checkRequest
  FirmwareVerifierFuzzTest#verify
  CertificateParserFuzzTest#parsePem
  CertificateParserFuzzTest#parseDer
  BasicAuthHeaderFuzzTest#parse
  FileCertificateStorePersistenceFuzzTest#load
  ChainOrderFuzzTest#validate
)
if [ "$#" -gt 0 ]; then
  TARGETS=("$@")
fi

cd "$ROOT"
mkdir -p "$OUT/logs" "$OUT/findings"
echo "Compiling once..."
mvn -B -q $OFFLINE test-compile -pl ocpp-security-core -am

run_target() {
  local t="$1" log="$OUT/logs/$1.log" findings="$OUT/findings/$1"
  mkdir -p "$findings"
  # jazzer.internal.basedir moves the generated corpus (and, with no inputs directory there, the default
  # crash location) under target/; the libFuzzer arguments (jazzer.internal.arg.N, N >= 1, after a dummy
  # argv[0]) come after Jazzer's own, so they override @FuzzTest(maxDuration) and the artifact prefix.
  # Own reports and surefire temp directories, so that parallel jobs do not delete each other's files.
  # JUnit's @Timeout would cut the whole fuzzing run, so it is off here; libFuzzer's -timeout replaces it.
  # The compile phase (compiler skipped: the classes were built above) makes Maven resolve the other reactor
  # modules (api, the lab PKI, test support) to their target/classes instead of looking for them in ~/.m2.
  if JAZZER_FUZZ=1 mvn -B $OFFLINE compile surefire:test -Dmaven.main.skip=true -pl ocpp-security-core -am \
      -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
      -Dsurefire.reportsDirectory="$OUT/reports/$t" -DtempDir="surefire-fuzz-${t//[^A-Za-z0-9]/_}" \
      -Djunit.jupiter.execution.timeout.mode=disabled \
      -Djazzer.internal.basedir="$OUT" \
      -Djazzer.instrument="$INSTRUMENT" \
      -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1="-max_total_time=$SECS" \
      -Djazzer.internal.arg.2="-timeout=$TIMEOUT" \
      -Djazzer.internal.arg.3="-max_len=$MAX_LEN" \
      -Djazzer.internal.arg.4="-artifact_prefix=$findings/" \
      ${FUZZ_SEED:+-Djazzer.internal.arg.5="-seed=$FUZZ_SEED"} \
      >"$log" 2>&1; then
    runs=$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
    cov=$(grep -aoE 'DONE +cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | sed 's/DONE *//' || true)
    printf '%-62s ok   %s %s\n' "$t" "${runs:-?}" "$cov"
  else
    printf '%-62s FAIL (see %s)\n' "$t" "$log"
    grep -aE 'FuzzFinding|Caused by|crash-' "$log" | head -4 | cut -c1-400 | sed 's/^/     /' || true
    touch "$OUT/failed/$t"
  fi
}

rm -rf "$OUT/failed" "$OUT/reports"
mkdir -p "$OUT/failed"
echo "Fuzzing ${#TARGETS[@]} targets, ${SECS}s each, $JOBS at a time"
start=$(date +%s)
for t in "${TARGETS[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
    wait -n || true
  done
  run_target "$t" &
done
wait
echo "Total: $(( $(date +%s) - start )) s for ${#TARGETS[@]} targets"
if [ -n "$(ls -A "$OUT/failed")" ]; then
  echo "Findings in: $(ls "$OUT/failed" | tr '\n' ' ')"
  exit 1
fi
