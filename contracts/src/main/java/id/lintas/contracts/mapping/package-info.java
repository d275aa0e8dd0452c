/**
 * The adapter toolkit: what every region's adapter needs around its own format, written once. A
 * field reader base that collects every error and refuses a message once ({@link
 * id.lintas.contracts.mapping.FieldReading}), the rendering context that translates hub codes back
 * into a region's lists and dates into its receiver's zone ({@link
 * id.lintas.contracts.mapping.RenderContext}), Indonesian phone and personal numbers, and the
 * status words every region maps to FHIR's task-status. An adapter keeps only its format: how to
 * parse it, its field names and its ConceptMaps.
 *
 * <p>It lives in {@code contracts} rather than in a module of its own because adapters may depend on
 * {@code contracts} only (an adapter module depending on another is refused by the hub's
 * ArchitectureTest), and it knows nothing of the canonical Bundle's extensions or profiles.
 */
package id.lintas.contracts.mapping;
