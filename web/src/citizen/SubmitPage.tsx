export function SubmitPage() {
  return <div>todo</div>;
}
