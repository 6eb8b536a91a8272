/**
 * The school practice audit (contract section 7): for each strategy of the chart, what a school
 * does now, its impact, and the higher-impact practice to move to.
 */
package org.attendanceoutreach.audit;
