package io.ocppsec.examples.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code requirements}: prints the requirement matrix summary. */
@Command(name = "requirements", mixinStandardHelpOptions = true,
        description = "Summarise the requirement matrix: counts per status and per use case (A00-A05).")
final class RequirementsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for machines.")
    private boolean json;

    @Option(names = "--list", description = "Also list every requirement with its status.")
    private boolean list;

    @Override
    public Integer call() throws Exception {
        RequirementMatrix m = RequirementMatrix.bundled();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(m));
            return 0;
        }
        out.printf("OCPP 2.0.1 Part 2 Block A: %d requirements%n", m.rows().size());
        m.countByStatus().forEach((s, n) -> out.printf("  %-15s %3d%n", s.label(), n));
        out.println();
        out.printf("  %-5s %s%n", "group", headerLine());
        for (Map.Entry<String, Map<RequirementMatrix.Status, Integer>> e : m.countByGroup().entrySet()) {
            out.printf("  %-5s %s%n", e.getKey(), e.getValue().values().stream()
                    .map(n -> String.format("%15d", n)).collect(Collectors.joining(" ")));
        }
        if (list) {
            out.println();
            for (RequirementMatrix.Row r : m.rows()) {
                out.printf("%-11s %-11s %-15s %s%n", r.id(), r.level().keyword(), r.status().label(), r.summary());
            }
        }
        return 0;
    }

    private static String headerLine() {
        StringBuilder sb = new StringBuilder();
        for (RequirementMatrix.Status s : RequirementMatrix.Status.values()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%15s", s.label()));
        }
        return sb.toString();
    }

    static String toJson(RequirementMatrix m) {
        StringBuilder sb = new StringBuilder("{\"total\":").append(m.rows().size()).append(",\"byStatus\":{");
        sb.append(m.countByStatus().entrySet().stream()
                .map(e -> "\"" + e.getKey().label() + "\":" + e.getValue()).collect(Collectors.joining(",")));
        sb.append("},\"byGroup\":{");
        sb.append(m.countByGroup().entrySet().stream().map(g -> "\"" + g.getKey() + "\":{"
                + g.getValue().entrySet().stream().map(e -> "\"" + e.getKey().label() + "\":" + e.getValue())
                        .collect(Collectors.joining(",")) + "}").collect(Collectors.joining(",")));
        return sb.append("}}").toString();
    }
}
