/**
 * Secure firmware update (OCPP 2.0.1 Part 2, Block A, Manufacturer hierarchy A00.FR.604, and the CSMS
 * pre-check of A00.FR.707).
 *
 * <ul>
 *   <li>Charging Station: {@link io.ocppsec.core.firmware.FirmwareVerifier} checks the firmware signing
 *       certificate of an {@code UpdateFirmwareRequest} against the installed ManufacturerRootCertificate(s)
 *       and the signature over the downloaded image, streaming the image once with a fixed buffer. The
 *       outcome maps to the {@code InvalidFirmwareSigningCertificate} / {@code InvalidFirmwareSignature}
 *       security events.</li>
 *   <li>Manufacturer: {@link io.ocppsec.core.firmware.FirmwareSigner} signs an image; the base64 output
 *       verifies with {@code openssl dgst -sha256 -verify}. Keys in an HSM plug in through
 *       {@link io.ocppsec.core.firmware.FirmwareDigestSigner}.</li>
 *   <li>CSMS: {@link io.ocppsec.core.firmware.FirmwareUpdatePrecheck} runs the same verification before an
 *       {@code UpdateFirmwareRequest} is sent (A00.FR.707).</li>
 * </ul>
 */
package io.ocppsec.core.firmware;
