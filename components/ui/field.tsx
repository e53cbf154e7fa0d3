import { useId, type ReactElement, cloneElement } from "react";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * One way to render a labelled control with its hint and errors: the control gets aria-invalid and
 * aria-describedby pointing at the error text, so screen readers announce what is wrong where it is wrong.
 */
export function Field({
  label,
  errors,
  hint,
  children,
  className,
}: {
  label: string;
  errors?: (string | undefined)[] | string;
  hint?: string;
  children: ReactElement<ControlProps>;
  className?: string;
}) {
  const autoId = useId();
  const id = children.props.id ?? autoId;
  const list = (typeof errors === "string" ? [errors] : (errors ?? [])).filter((e): e is string => !!e);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, list.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, "aria-invalid": list.length > 0 || undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {list.length ? (
        // The live region wraps the list: role="alert" on the <ul> itself would take away its list semantics.
        <div role="alert">
          <ul id={errorId} className="field-error">
            {list.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
