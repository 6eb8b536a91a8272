/** Internal helpers: not part of the library's API, and may change in any release. */
package org.attendanceoutreach.internal;
