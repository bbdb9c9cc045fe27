package io.ocppsec.examples.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * Prints JMH results as a table, and the ratio of each SDK benchmark to its baseline measured in the
 * same run. Pairing is by name: {@code Foo.xxx_sdk} is compared with {@code Foo.xxx_baseline} (same
 * parameters). A ratio above 1 means the SDK is faster.
 */
public final class BenchmarkReport {

    /** One measured benchmark. */
    record Row(String name, String params, double score, double error, String unit) {
    }

    private final List<Row> rows;

    BenchmarkReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * @param results JMH results
     * @return the report
     */
    public static BenchmarkReport of(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            var p = r.getParams();
            String name = p.getBenchmark().replace("io.ocppsec.examples.bench.", "");
            StringBuilder params = new StringBuilder();
            for (String k : p.getParamsKeys()) {
                if (params.length() > 0) {
                    params.append(',');
                }
                params.append(k).append('=').append(p.getParam(k));
            }
            var primary = r.getPrimaryResult();
            rows.add(new Row(name, params.toString(), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit()));
        }
        return new BenchmarkReport(rows);
    }

    /** @return pairs "name [params]" → SDK/baseline ratio */
    Map<String, Double> ratios() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (Row sdk : rows) {
            if (!sdk.name().endsWith("_sdk")) {
                continue;
            }
            String base = sdk.name().substring(0, sdk.name().length() - 4);
            for (Row baseline : rows) {
                if (baseline.name().equals(base + "_baseline") && baseline.params().equals(sdk.params())) {
                    double ratio = higherIsBetter(sdk.unit()) ? sdk.score() / baseline.score()
                            : baseline.score() / sdk.score();
                    ratios.put(base + (sdk.params().isEmpty() ? "" : " [" + sdk.params() + "]"), ratio);
                }
            }
        }
        return ratios;
    }

    private static boolean higherIsBetter(String unit) {
        return unit.startsWith("ops/");
    }

    /**
     * @param out where to print the table and the ratios
     */
    public void print(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-58s %-24s %14s %12s  %s%n", "benchmark", "params", "score", "error", "unit");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-58s %-24s %14.2f %12.2f  %s%n", r.name(), r.params(), r.score(),
                    r.error(), r.unit());
        }
        Map<String, Double> ratios = ratios();
        if (!ratios.isEmpty()) {
            out.println();
            out.println("SDK / baseline (same run; > 1.00 means the SDK is faster):");
            ratios.forEach((k, v) -> out.printf(Locale.ROOT, "  %-70s %6.2fx%n", k, v));
        }
        out.flush();
    }
}
