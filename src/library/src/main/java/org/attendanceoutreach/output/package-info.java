/** Writing results as JSON (contract section 3), a readable table, or CSV. Deterministic, byte for byte. */
package org.attendanceoutreach.output;
