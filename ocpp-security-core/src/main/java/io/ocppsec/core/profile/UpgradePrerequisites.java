package io.ocppsec.core.profile;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.StationCertificateStore;
import java.util.Objects;

/** What A05 asks of the station's certificates before an upgrade (A05.FR.02, A05.FR.03). */
public interface UpgradePrerequisites {

    /** @return whether a valid CSMSRootCertificate is installed (needed for profiles 2 and 3) */
    boolean hasValidCsmsRootCertificate();

    /** @return whether a valid ChargingStationCertificate is installed (needed for profile 3) */
    boolean hasValidChargingStationCertificate();

    /**
     * @param store the station's certificate store
     * @return prerequisites answered by the store at the moment they are asked
     */
    static UpgradePrerequisites of(StationCertificateStore store) {
        Objects.requireNonNull(store, "store");
        return new UpgradePrerequisites() {
            @Override
            public boolean hasValidCsmsRootCertificate() {
                return store.hasValidRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE);
            }

            @Override
            public boolean hasValidChargingStationCertificate() {
                return store.hasValidClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
            }
        };
    }
}
