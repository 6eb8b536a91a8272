/**
 * The rule sandbox: what rule files may do, checked on the parsed files (for messages) and on the
 * compiled bytecode (the boundary), and the class loader that loads only checked classes.
 * Internal: don't depend on these, they change in any release.
 */
package org.attendanceoutreach.internal.sandbox;
