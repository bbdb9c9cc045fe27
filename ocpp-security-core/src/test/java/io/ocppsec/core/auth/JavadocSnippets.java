package io.ocppsec.core.auth;

import io.ocppsec.core.password.BasicAuthPassword;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.auth} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** The one call of a servlet-style request the snippet makes. */
    interface HttpRequest {
        String getHeader(String name);
    }

    /** The reasons the snippet answered 401 for. */
    static final java.util.List<BasicAuthException.Reason> REJECTED = new java.util.ArrayList<>();

    private static void respond401(BasicAuthException.Reason reason) {
        REJECTED.add(reason);
    }

    static String basicAuthHeader(ChargingStationIdentity identity, BasicAuthPassword password, HttpRequest request,
                                  ChargingStationIdentity urlIdentity) {
        // javadoc:BasicAuthHeader:begin
        // station
        String header = BasicAuthHeader.encode(identity, password);
        // CSMS, identity taken from the URL path
        try (BasicAuthCredentials c = BasicAuthHeader.parse(request.getHeader("Authorization"), urlIdentity)) {
            // verify c.password() against the stored hash
        } catch (BasicAuthException e) { respond401(e.reason()); }
        // javadoc:BasicAuthHeader:end
        return header;
    }
}
