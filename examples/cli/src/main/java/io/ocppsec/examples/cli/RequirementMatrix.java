package io.ocppsec.examples.cli;

import io.ocppsec.api.requirement.RequirementId;
import io.ocppsec.api.requirement.RequirementLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The project's requirement matrix ({@code docs/requirements.tsv}): every requirement ID of OCPP 2.0.1
 * Part 2 Block A with its level, actor, status and where it is enforced.
 */
public final class RequirementMatrix {

    /** How far the SDK covers a requirement. */
    public enum Status {
        /** Enforced by SDK code and proven by tagged tests. */
        IMPLEMENTED("implemented"),
        /** The SDK cannot do it alone; the integrator must, with the help the note describes. */
        INTEGRATOR("integrator"),
        /** Does not apply to an SDK, for the reason in the note. */
        NOT_APPLICABLE("not-applicable"),
        /** Not implemented yet. */
        PLANNED("planned");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** @return the label used in the TSV */
        public String label() {
            return label;
        }

        static Status parse(String s) {
            for (Status st : values()) {
                if (st.label.equals(s)) {
                    return st;
                }
            }
            throw new IllegalArgumentException("Unknown status '" + s + "'");
        }
    }

    /**
     * One row of the matrix.
     *
     * @param id requirement ID
     * @param level its level
     * @param actor who must do it
     * @param status coverage status
     * @param summary one-line summary
     * @param where the code that enforces it (for implemented rows)
     * @param note reason, integrator duty or plan
     */
    public record Row(RequirementId id, RequirementLevel level, String actor, Status status, String summary,
                      String where, String note) {
        /** Validates the row. */
        public Row {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(status, "status");
            if (status == Status.IMPLEMENTED && where.isBlank()) {
                throw new IllegalArgumentException(id + " is implemented but names no code in 'where'");
            }
            if ((status == Status.INTEGRATOR || status == Status.NOT_APPLICABLE) && note.isBlank()) {
                throw new IllegalArgumentException(id + " is " + status.label() + " but gives no reason in 'note'");
            }
        }
    }

    private final List<Row> rows;

    private RequirementMatrix(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * @param in the TSV (header line, then 7 tab-separated columns)
     * @return the matrix
     * @throws IOException when it cannot be read or a line is malformed (the message names the line)
     */
    public static RequirementMatrix read(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.startsWith("id\t")) {
                throw new IOException("Requirement matrix: missing header line");
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IOException("Requirement matrix line " + n + ": expected 7 columns, found " + f.length);
                }
                try {
                    rows.add(new Row(RequirementId.of(f[0]), RequirementLevel.parse(f[1]), f[2],
                            Status.parse(f[3]), f[4], f[5], f[6]));
                } catch (IllegalArgumentException e) {
                    throw new IOException("Requirement matrix line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return new RequirementMatrix(rows);
    }

    /**
     * @return the matrix bundled in this jar
     * @throws IOException when it is missing or malformed
     */
    public static RequirementMatrix bundled() throws IOException {
        InputStream in = RequirementMatrix.class.getResourceAsStream("requirements.tsv");
        if (in == null) {
            throw new IOException("The requirement matrix is not bundled in this build");
        }
        return read(in);
    }

    /** @return every row, in the order of the specification */
    public List<Row> rows() {
        return rows;
    }

    /** @return number of rows per status, in the order of {@link Status} */
    public Map<Status, Integer> countByStatus() {
        Map<Status, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        rows.forEach(r -> m.merge(r.status(), 1, Integer::sum));
        return m;
    }

    /** @return per use case (A00…A05), the number of rows per status */
    public Map<String, Map<Status, Integer>> countByGroup() {
        Map<String, Map<Status, Integer>> m = new TreeMap<>();
        for (Row r : rows) {
            m.computeIfAbsent(r.id().useCase(), k -> {
                Map<Status, Integer> c = new LinkedHashMap<>();
                for (Status s : Status.values()) {
                    c.put(s, 0);
                }
                return c;
            }).merge(r.status(), 1, Integer::sum);
        }
        return m;
    }
}
