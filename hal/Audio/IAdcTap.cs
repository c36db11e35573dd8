namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// A window onto the codec's ADC output (what the computer records), for metering and auto gain.
    /// </summary>
    public interface IAdcTap
    {
        /// <summary>The sample rate of the tapped stream in Hz; 0 while the ADC is not clocked.</summary>
        int SampleRate { get; }

        /// <summary>
        /// Copies the most recent frames not yet read, interleaved left/right, as 24-bit signed
        /// values (full scale = ±8388607), oldest first. Returns the number of frames copied
        /// (each frame is two ints); 0 when nothing new arrived.
        /// </summary>
        int ReadFrames(int[] interleaved, int offset, int maxFrames);

        /// <summary>
        /// Consumes up to <paramref name="maxFrames"/> of the oldest unread frames like
        /// <see cref="ReadFrames"/>, but looks only at every <paramref name="stride"/>-th and hands
        /// out only what <paramref name="peaks"/> holds: each channel's largest sample looked at and
        /// the frames next to it (the meters' need; the device's tap finds them in its raw slots
        /// without converting any other frame). Returns the number consumed.
        /// </summary>
        int ScanFrames(int maxFrames, int stride, StretchPeaks peaks);

        /// <summary>Frames delivered and not yet read or skipped.</summary>
        int AvailableFrames { get; }

        /// <summary>
        /// Drops up to <paramref name="maxFrames"/> of the oldest unread frames without copying
        /// them (a reader that looks at a few frames a tick skips the rest). Returns the number dropped.
        /// </summary>
        int SkipFrames(int maxFrames);
    }
}
