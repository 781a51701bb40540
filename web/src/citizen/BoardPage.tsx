export default function BoardPage() {
  return <div>todo</div>;
}
