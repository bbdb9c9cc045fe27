package io.ocppsec.examples.csms;

import io.ocppsec.examples.rpc.CloseStatus;

/** Told about OCPP sessions as they open and close. */
public interface SessionListener {

    /**
     * Called once the upgrade was accepted, before the first frame is read: register the session's CALL
     * handlers here ({@code session.rpc().onCall(...)}).
     *
     * @param session the new session
     */
    void onOpen(OcppSession session);

    /**
     * @param session the session that ended
     * @param status how it ended
     */
    default void onClose(OcppSession session, CloseStatus status) {
    }
}
