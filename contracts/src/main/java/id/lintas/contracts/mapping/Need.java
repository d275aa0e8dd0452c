package id.lintas.contracts.mapping;

/** Whether a field of a region's message must be present. */
public enum Need {
    REQUIRED,
    OPTIONAL
}
