package io.ocppsec.examples.cli;

import java.nio.file.Path;

/** Gives other test packages the repository root the matrix test finds. */
public final class RequirementMatrixTestAccess {

    private RequirementMatrixTestAccess() {
    }

    /** @return the repository root (the directory with pom.xml and docs/requirements.tsv) */
    public static Path repoRoot() {
        return RequirementMatrixTest.repoRoot();
    }
}
