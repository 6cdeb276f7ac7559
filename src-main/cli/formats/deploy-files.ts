/** Intune needs a link on every rule; this one stands for the organisation's own help page (deploy/intune/README.md says to replace it). */
export const DEPLOY_MORE_INFO = 'https://help.example.com/bulwark'
