/** Adapter for the prabumulih-xml format (work in progress, issue #4). */
package id.lintas.adapter.prabumulih;
