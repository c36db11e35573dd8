using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Faults
{
    /// <summary>
    /// Passes the ADC tap through and watches for digital silence: a running ADC never delivers
    /// exact zeros for long (its own noise moves the low bits), a codec that lost its registers
    /// (a brown-out resets the WM8960, which cannot be read back) has its ADC powered down and
    /// delivers nothing but zeros. That is how a write-only codec's brown-out is noticed.
    /// </summary>
    public sealed class SilenceWatch : IAdcTap
    {
        private readonly IAdcTap _tap;
        private int _zeroFrames;

        public SilenceWatch(IAdcTap tap)
        {
            _tap = tap;
        }

        public int SampleRate
        {
            get { return _tap.SampleRate; }
        }

        public int AvailableFrames
        {
            get { return _tap.AvailableFrames; }
        }

        /// <summary>Frames in a row that were exactly zero on both channels, up to now (skipped frames inside a run of zeros count as zeros).</summary>
        public int ZeroFrames
        {
            get { return _zeroFrames; }
        }

        /// <summary>Starts counting afresh (after a re-sync, a clock change: the ADC was off on purpose).</summary>
        public void Reset()
        {
            _zeroFrames = 0;
        }

        public int ReadFrames(int[] interleaved, int offset, int maxFrames)
        {
            int frames = _tap.ReadFrames(interleaved, offset, maxFrames);

            // From the newest frame back to the first that is not silent: a running ADC stops the
            // scan at once, so this costs the loop a few instructions a block.
            for (int i = frames - 1; i >= 0; i--)
            {
                int at = offset + 2 * i;
                if (interleaved[at] != 0 || interleaved[at + 1] != 0)
                {
                    _zeroFrames = frames - 1 - i;
                    return frames;
                }
            }

            _zeroFrames += frames;
            return frames;
        }

        /// <summary>
        /// A scanned stretch is silent when the largest samples looked at and their neighbours are
        /// zero (a powered-down ADC delivers nothing else; a running one's noise is never zero in
        /// all of them); one that is not ends the run (the zeros after its last live frame are not
        /// counted: a tick's frames, against the watch's threshold of thousands).
        /// </summary>
        public int ScanFrames(int maxFrames, int stride, StretchPeaks peaks)
        {
            int frames = _tap.ScanFrames(maxFrames, stride, peaks);
            if (frames <= 0)
            {
                return frames;
            }

            bool silent = peaks.Peak[0] == 0 && peaks.Peak[1] == 0 && peaks.Before[0] == 0 && peaks.Before[1] == 0
                && peaks.After[0] == 0 && peaks.After[1] == 0;
            _zeroFrames = silent ? _zeroFrames + frames : 0;
            return frames;
        }

        /// <summary>
        /// Frames skipped unread continue the run they fall in: zeros when the newest frame read was
        /// zero (a powered-down ADC delivers nothing else), nothing counted after a live frame (the
        /// next read finds the run's end, if any).
        /// </summary>
        public int SkipFrames(int maxFrames)
        {
            int frames = _tap.SkipFrames(maxFrames);
            if (_zeroFrames > 0)
            {
                _zeroFrames += frames;
            }

            return frames;
        }
    }
}
