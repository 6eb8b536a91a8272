/**
 * Reading a school from an Ed-Fi ODS/API export: {@link org.attendanceoutreach.edfi.EdFiReader} turns a
 * folder of API resources into one {@link org.attendanceoutreach.read.SchoolFile} per school, mapping
 * descriptors through a {@link org.attendanceoutreach.edfi.DescriptorMap}.
 */
package org.attendanceoutreach.edfi;
