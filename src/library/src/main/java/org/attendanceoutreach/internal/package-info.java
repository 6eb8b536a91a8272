/**
 * Internal helpers of the library: <b>don't depend on these</b>. Everything under
 * {@code org.attendanceoutreach.internal} (the DRL model, the rule sandbox and compiler, the
 * evaluation loop, plan assembly, text and JSON safety) may change or go in any release, without
 * notice and without a deprecation; the javadoc leaves these packages out. They are public only so
 * that the library's own packages (and its command line) can share them. The API an SIS may use is
 * named in the README ("The Java API").
 */
package org.attendanceoutreach.internal;
