/**
 * The {@code ./outreach} command line (contract section 5). Not part of the library's API: an SIS
 * embeds {@link org.attendanceoutreach.OutreachEngine} instead.
 */
package org.attendanceoutreach.cli;
