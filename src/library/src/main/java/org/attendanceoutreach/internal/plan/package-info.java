/**
 * Turning the rules' proposals into a student's plan (steps, due dates, what covers what, what waits).
 * Internal: don't depend on these, they change in any release.
 */
package org.attendanceoutreach.internal.plan;
