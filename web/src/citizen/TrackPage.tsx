export default function TrackPage() {
  return <div>todo</div>;
}
