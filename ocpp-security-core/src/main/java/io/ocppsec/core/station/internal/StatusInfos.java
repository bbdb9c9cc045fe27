package io.ocppsec.core.station.internal;

import io.ocppsec.api.message.StatusInfo;
import java.util.Optional;

/** The statusInfo of the station's certificate answers. */
public final class StatusInfos {

    /** maxLength of StatusInfoType.additionalInfo. */
    private static final int MAX_INFO = 512;

    private StatusInfos() {
    }

    /**
     * @param reason the reason code
     * @param info the additional info, clipped to the schema's 512 characters
     * @return the statusInfo
     */
    public static Optional<StatusInfo> of(String reason, String info) {
        return Optional.of(new StatusInfo(reason, Optional.of(clip(info))));
    }

    private static String clip(String s) {
        return s.length() <= MAX_INFO ? s : s.substring(0, MAX_INFO - 3) + "...";
    }
}
