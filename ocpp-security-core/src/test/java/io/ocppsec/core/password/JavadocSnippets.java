package io.ocppsec.core.password;

import io.ocppsec.api.requirement.ValidationResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.password} types, as compiled code: each
 * region {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** What the snippets sent or answered: variable names and statuses, never a password. */
    static final List<String> ACTIONS = new ArrayList<>();

    private static void setVariables(String component, String variable, String value) {
        ACTIONS.add(component + "." + variable + " (" + value.length() + " chars)");
    }

    private static void respond(String status) {
        ACTIONS.add(status);
    }

    static void basicAuthPassword() {
        // javadoc:BasicAuthPassword:begin
        try (BasicAuthPassword pw = PasswordGenerator.create().generate()) {
            setVariables("SecurityCtrlr", "BasicAuthPassword", pw.reveal());
        }   // wiped here
        // javadoc:BasicAuthPassword:end
    }

    static PasswordGenerator passwordGenerator(SecureRandom mySecureRandom) {
        // javadoc:PasswordGenerator:begin
        PasswordGenerator gen = PasswordGenerator.create();               // new SecureRandom()
        PasswordGenerator gen2 = PasswordGenerator.create(mySecureRandom); // injected, e.g. a DRBG
        try (BasicAuthPassword pw = gen.generate()) { setVariables("SecurityCtrlr", "BasicAuthPassword", pw.reveal()); }
        // javadoc:PasswordGenerator:end
        return gen2;
    }

    static String passwordHasher(BasicAuthPassword password, BasicAuthPassword candidate)
            throws MalformedHashException {
        // javadoc:PasswordHasher:begin
        PasswordHasher hasher = PasswordHasher.defaults();
        String stored = hasher.hash(password);
        if (hasher.verify(candidate, stored) && hasher.needsRehash(stored)) { stored = hasher.hash(candidate); }
        // javadoc:PasswordHasher:end
        return stored;
    }

    static ValidationResult passwordPolicy(String value) {
        // javadoc:PasswordPolicy:begin
        ValidationResult r = PasswordPolicy.EDITION_3.check(value);
        if (!r.isCompliant()) { respond("Rejected"); }
        // javadoc:PasswordPolicy:end
        return r;
    }
}
