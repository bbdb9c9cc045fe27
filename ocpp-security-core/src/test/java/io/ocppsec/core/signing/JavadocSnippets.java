package io.ocppsec.core.signing;

import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.OcppMessage;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.csr.CsrException;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.csr.CsrSigner;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.StationCertificateStore;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.signing} types, as compiled code: each
 * region {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 * The snippets send with {@code this::send}, so they are instance methods: an instance records what was sent.
 */
final class JavadocSnippets {

    /** What this instance's snippets sent, called or raised, in order. */
    final List<Object> actions = new ArrayList<>();

    /** A hardware token as the StationKeySource snippet uses it. */
    interface Token {
        PublicKey generateKeyPair(String alias) throws GeneralSecurityException;

        CsrSigner signer(String alias);
    }

    private void send(OcppMessage message) {
        actions.add(message);
    }

    private void call(String identity, OcppMessage request) {
        actions.add(identity + " <- " + request.action().ocppValue());
    }

    private void alertOperator(String identity, Throwable failure) {
        actions.add(identity + ": " + failure.getClass().getSimpleName());
    }

    private void sendNewCsr() {
        actions.add("new CSR");
    }

    private void raiseAlarm() {
        actions.add("alarm");
    }

    CertificateSignedResponse certificateSigningClient(StationCertificateStore store, SecurityEventReporter reporter,
                                                       String organizationName, String serialNumber, Clock clock,
                                                       TriggerMessageRequest trigger,
                                                       CertificateSignedRequest certificateSigned)
            throws CsrException {
        // javadoc:CertificateSigningClient:begin
        CertificateSigningClient signing = CertificateSigningClient
                .builder(store, reporter, organizationName, serialNumber)
                .maxCertificateChainSize(5000).certSigning(Duration.ofSeconds(30), 2).clock(clock).build();
        TriggerResult r = signing.onTriggerMessage(trigger);
        send(r.response());
        r.followUp().ifPresent(this::send);
        // ...
        CertificateSignedResponse answer = signing.onCertificateSigned(certificateSigned);
        // javadoc:CertificateSigningClient:end
        return answer;
    }

    SignCertificateOutcome certificateSigningService(CertificateAuthority ca, SignCertificateRequest request) {
        // javadoc:CertificateSigningService:begin
        CertificateSigningService service = CertificateSigningService.of(CsrInspector.forOrganization("Example CSO"), ca);
        SignCertificateOutcome o = service.onSignCertificate("CS-0001", "CS-0001", request);
        send(o.response());
        o.certificateSigned().ifPresent(stage -> stage.thenAccept(req -> call("CS-0001", req)));
        // javadoc:CertificateSigningService:end
        return o;
    }

    UpdateAdvice certificateUpdateAdvisor(X509Certificate root, String serial, List<X509Certificate> tlsPeerChain,
                                          CredentialState credentialState, String identity) {
        // javadoc:CertificateUpdateAdvisor:begin
        CertificateUpdateAdvisor advisor = CertificateUpdateAdvisor.builder(TrustAnchors.cso(root), "Example CSO").build();
        UpdateAdvice advice = advisor.advise(serial, tlsPeerChain, credentialState.factoryCredentials());
        advice.trigger().ifPresent(trigger -> call(identity, trigger));
        // javadoc:CertificateUpdateAdvisor:end
        return advice;
    }

    CsrRetrySchedule csrRetrySchedule(long waitMinimum, int repeatTimes, Clock clock) {
        // javadoc:CsrRetrySchedule:begin
        CsrRetrySchedule s = CsrRetrySchedule.of(Duration.ofSeconds(waitMinimum), repeatTimes);
        s.csrSent(clock.instant());
        switch (s.poll(clock.instant()).action()) {
            case RESEND: sendNewCsr(); s.csrSent(clock.instant()); break;
            case GIVE_UP: raiseAlarm(); break;
            default: break;
        }
        // javadoc:CsrRetrySchedule:end
        return s;
    }

    SignCertificateOutcome signCertificateOutcome(CertificateSigningService service, String identity, String serial,
                                                  SignCertificateRequest request) {
        // javadoc:SignCertificateOutcome:begin
        SignCertificateOutcome o = service.onSignCertificate(identity, serial, request);
        send(o.response());                                            // first the answer (A02.FR.11/12)
        o.certificateSigned().ifPresent(s -> s.whenComplete((req, failure) -> {
            if (failure == null) { call(identity, req); } else { alertOperator(identity, failure); }
        }));
        // javadoc:SignCertificateOutcome:end
        return o;
    }

    static StationKeySource stationKeySource(Token token) {
        // javadoc:StationKeySource:begin
        StationKeySource hsm = (use, alias) -> {
            PublicKey pub = token.generateKeyPair(alias);                  // inside the HSM
            return new StationKeySource.StationKey(token.signer(alias), KeyHandle.external(alias));
        };
        // javadoc:StationKeySource:end
        return hsm;
    }

    TriggerResult triggerResult(CertificateSigningClient signing, TriggerMessageRequest trigger) throws CsrException {
        // javadoc:TriggerResult:begin
        TriggerResult r = signing.onTriggerMessage(trigger);
        send(r.response());
        r.followUp().ifPresent(this::send);      // SignCertificateRequest with certificateType set (A02.FR.13)
        // javadoc:TriggerResult:end
        return r;
    }
}
