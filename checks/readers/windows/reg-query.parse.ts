/**
 * The `reg query` parser lives in core (checks/core/host/reg-query.parse.ts), because the fix planner reads a
 * registry value's previous state with it and core imports nothing from the readers; the checks keep importing
 * it from here, beside the registry reader.
 */
export * from '../../core/host/reg-query.parse.js'
