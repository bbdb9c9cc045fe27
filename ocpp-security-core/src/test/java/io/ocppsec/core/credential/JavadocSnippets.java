package io.ocppsec.core.credential;

import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.password.PasswordPolicy;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.credential} types, as compiled code: each
 * region {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** What the snippets answered or did, in order. */
    static final List<String> ACTIONS = new ArrayList<>();

    /** The one call of a servlet-style request the snippet makes. */
    interface HttpRequest {
        String getHeader(String name);
    }

    /** The one call of a servlet-style response the snippet makes. */
    interface HttpResponse {
        void sendError(int status) throws IOException;
    }

    /** Where the StationPasswordUpdate snippet writes the new password. */
    interface PasswordFile {
        void write(BasicAuthPassword password) throws IOException;
    }

    /** The station's connection to its CSMS. */
    interface Connection {
        void reconnectWithNewPassword();
    }

    private static void respondBoot(String status) {
        ACTIONS.add("BootNotification " + status);
    }

    private static String sendSetVariables(ChargingStationIdentity id, String component, String variable,
                                           String value) {
        ACTIONS.add("SetVariables " + component + "." + variable + " (" + value.length() + " chars)");
        return "Accepted";
    }

    private static void respond(String status) {
        ACTIONS.add("SetVariables " + status);
    }

    private static void raiseAlarm(IOException e) {
        ACTIONS.add("alarm " + e.getClass().getSimpleName());
    }

    private static void afterSend(Runnable action) {
        action.run();
    }

    /** Whether the last BasicAuthenticator snippet run held its station in Pending. */
    static boolean heldInPending;

    static void basicAuthenticator(CredentialStore store, String pathSegment, HttpRequest request,
                                      HttpResponse response) throws IOException {
        // javadoc:BasicAuthenticator:begin
        BasicAuthenticator auth = new BasicAuthenticator(store, PasswordHasher.defaults());
        AuthenticationResult r = auth.authenticate(pathSegment, request.getHeader("Authorization"));
        if (!r.isAccepted()) { response.sendError(401); return; }
        boolean holdInPending = r.bootDecision().orElseThrow().isPending();
        // javadoc:BasicAuthenticator:end
        heldInPending = holdInPending;
    }

    static BootDecision credentialBootPolicy(CredentialStore store, ChargingStationIdentity id,
                                             PasswordRotation rotation) throws UnknownStationException {
        // javadoc:CredentialBootPolicy:begin
        BootDecision d = CredentialBootPolicy.RESTRICTIVE.decide(store.find(id).orElseThrow());
        if (d.isPending()) { respondBoot("Pending"); rotation.begin(id); }
        // javadoc:CredentialBootPolicy:end
        return d;
    }

    static void passwordRotation(CredentialStore store, ChargingStationIdentity id) throws UnknownStationException {
        // javadoc:PasswordRotation:begin
        PasswordRotation rotation = PasswordRotation.create(store);
        try (PasswordRotation.Request req = rotation.begin(id)) {
            String status = sendSetVariables(id, req.componentName(), req.variableName(), req.password().reveal());
            rotation.complete(req, status);
        }
        // javadoc:PasswordRotation:end
    }

    static StationPasswordUpdate.Outcome stationPasswordUpdate(PasswordFile passwordFile, SecurityLog securityLog,
                                                               String component, String variable, String value,
                                                               Connection connection) {
        // javadoc:StationPasswordUpdate:begin
        StationPasswordUpdate update = new StationPasswordUpdate(PasswordPolicy.EDITION_3, passwordFile::write,
                event -> { try { securityLog.append(event); } catch (IOException e) { raiseAlarm(e); } },
                Clock.systemUTC());
        StationPasswordUpdate.Outcome o = update.handle(component, variable, value);
        respond(o.ocppStatus());
        if (o.reconnectAfterResponse()) { afterSend(connection::reconnectWithNewPassword); }
        // javadoc:StationPasswordUpdate:end
        return o;
    }
}
