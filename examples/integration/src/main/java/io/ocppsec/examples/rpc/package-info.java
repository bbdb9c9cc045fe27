/**
 * A small OCPP-J RPC layer over any text-message transport: CALLs with a {@code CompletableFuture} of the
 * CALLRESULT (correlated by messageId, with a timeout and a bounded number of pending CALLs), incoming
 * CALLs dispatched to typed handlers, decode failures answered with the CALLERROR the codec names, and
 * fragmented WebSocket messages reassembled within the codec's frame limit. Used by both sides of the
 * end-to-end demo ({@code io.ocppsec.examples.csms}, {@code io.ocppsec.examples.station}).
 */
package io.ocppsec.examples.rpc;
