/** What a change to the rules does: the same students evaluated under two rule folders, compared. */
package org.attendanceoutreach.diff;
