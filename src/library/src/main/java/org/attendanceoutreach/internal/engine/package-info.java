/**
 * Running compiled rules: rule sessions, per-evaluation results, budgets and the watchdog, and the
 * ordered read-ahead on the caller's executor. Internal: don't depend on these, they change in any release.
 */
package org.attendanceoutreach.internal.engine;
