/**
 * How long a check waits for the server before it runs on the device instead: at the roadside a
 * slow answer is worse than the device's own, which says what it covered.
 */
export const checkTimeoutMs = 8_000
