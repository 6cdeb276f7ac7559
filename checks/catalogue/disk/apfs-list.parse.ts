/** One APFS volume from `diskutil apfs list`: its role and what the FileVault line says. */
export interface ApfsVolume {
  device: string
  role: string
  fileVault: string
}

/**
 * Reads `diskutil apfs list` ("APFS Volume Disk (Role):   disk3s5 (Data)", then "FileVault:   Yes (Unlocked)")
 * for each volume. Pure, linear, capped: a line count and a volume count bound the work.
 */
export function parseApfsList(out: string): ApfsVolume[] {
  const volumes: ApfsVolume[] = []
  let current: ApfsVolume | null = null
  for (const line of out.split('\n', 200_000)) {
    const role = /APFS Volume Disk \(Role\):\s+(\S+)\s+\(([^)]{0,64})\)/.exec(line)
    if (role?.[1]) {
      if (volumes.length >= 256) break
      current = { device: role[1].slice(0, 64), role: role[2] ?? '', fileVault: '' }
      volumes.push(current)
      continue
    }
    const fv = /^[\s|]*FileVault:\s+(.{1,100})$/.exec(line)
    if (fv?.[1] && current) current.fileVault = fv[1].trim()
  }
  return volumes
}
