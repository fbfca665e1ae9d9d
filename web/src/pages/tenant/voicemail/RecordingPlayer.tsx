import { useRef, useState } from 'react';
import type { VoicemailEntry } from '../../../api/types.ts';

type Recording = NonNullable<VoicemailEntry['recording']>;

/**
 * The browser's own player on the voicemail's recording link (a short-lived URL the inbox list
 * hands out: an <audio> cannot send our bearer token). The link it started with stays while it
 * plays — the list refreshes every few seconds with new links, and a new src would stop the
 * sound — and a failed load (an expired link, audio still on its way) retries on the freshest one.
 */
export function RecordingPlayer({ recording, label, onPlay }: { recording: Recording; label: string; onPlay: () => void }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [src, setSrc] = useState(recording.url);
  const [failed, setFailed] = useState(false);

  const retry = () => {
    setFailed(false);
    setSrc(recording.url);
    // Same URL (the list has not refreshed): load it again all the same.
    if (recording.url === src) audio.current?.load();
  };

  return (
    <div className="voicemail-player">
      {/* Voicemails have no captions track; the transcript under the player is the text alternative. */}
      <audio ref={audio} controls preload="none" src={src} aria-label={label} onPlay={onPlay} onError={() => setFailed(true)} onLoadedData={() => setFailed(false)} />
      {failed && (
        <p className="form-alert small-text" role="alert">
          This recording could not be loaded.{' '}
          <button type="button" className="link-button as-button" onClick={retry}>
            Try again
          </button>
        </p>
      )}
    </div>
  );
}

/** What the caller said, or plainly why there is no text: never made-up words. */
export function Transcript({ transcript }: { transcript: VoicemailEntry['transcript'] }) {
  switch (transcript.status) {
    case 'done':
      return transcript.text ? (
        <blockquote className="voicemail-transcript">{transcript.text}</blockquote>
      ) : (
        <p className="muted small-text">Transcript: no words were heard in this message.</p>
      );
    case 'pending':
      return <p className="muted small-text">Transcribing…</p>;
    case 'failed':
      return <p className="muted small-text">No transcription: it could not be made for this message.</p>;
    default:
      return <p className="muted small-text">No transcription (speech-to-text is not set up).</p>;
  }
}
