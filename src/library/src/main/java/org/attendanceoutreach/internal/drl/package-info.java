/**
 * The rule files as Drools' own DRL parser reads them, in one model shared by every tool that
 * needs to know what a rule says: the rule table, the sandbox's checks, {@code validate} and
 * {@code explain}. Internal: don't depend on these, they change in any release.
 */
package org.attendanceoutreach.internal.drl;
