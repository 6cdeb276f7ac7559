// Placeholder until the app lifecycle lands.
export {}
