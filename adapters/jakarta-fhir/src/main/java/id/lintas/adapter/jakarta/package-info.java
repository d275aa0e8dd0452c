/** Adapter for the jakarta-fhir format (work in progress, issue #4). */
package id.lintas.adapter.jakarta;
