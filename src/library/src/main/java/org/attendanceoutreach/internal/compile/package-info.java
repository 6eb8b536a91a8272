/**
 * Compiling rule files into checked bytecode, caching it, and the soundness checks of
 * {@code validate}. Internal: don't depend on these, they change in any release.
 */
package org.attendanceoutreach.internal.compile;
