/**
 * The account button in the header: who is signed in, and the two things an officer may need in a
 * hurry, "Lock now" and "Sign out". A disclosure (button + panel), closed by Escape, a tap outside
 * or choosing an item. Its actions exist in Settings too; while closed, they are not on the page.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { User } from '../../shared/api/auth.ts'
import { PersonIcon } from '../components/icons.tsx'
import { lockNow } from '../lib/device-lock.ts'
import { roleName } from '../lib/role-names.ts'
import { endSession } from '../lib/session.ts'

export function AccountMenu({ user }: { user: User }) {
  const [open, setOpen] = useState(false)
  const container = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setOpen(false)
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false)
        toggle.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [open])

  return (
    <div className="account-menu" ref={container}>
      <button
        ref={toggle}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <PersonIcon />
        <span>Account</span>
      </button>
      {open ? (
        <div id={panelId} className="account-menu__panel">
          <p className="account-menu__who">
            <strong>{user.name}</strong>
            <span>
              Collar {user.collarNumber} · {roleName(user.role)}
            </span>
          </p>
          <button type="button" className="button button--wide" onClick={lockNow}>
            Lock now
          </button>
          <button type="button" className="button button--danger button--wide" onClick={() => void endSession('signed_out')}>
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  )
}
