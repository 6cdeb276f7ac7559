import { useEffect, useRef } from 'react'

/** Each screen's heading takes focus when the screen opens, so keyboard and screen-reader users land on it. */
export function ViewHeading({ text }: { text: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <h2 id="view-heading" ref={ref} tabIndex={-1} className="view-heading">
      {text}
    </h2>
  )
}
