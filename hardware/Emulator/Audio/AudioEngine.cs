namespace InterfaceFirmware.Emulator
{
    /// <summary>Renders audio for a span of engine samples (the board's signal graph implements it).</summary>
    public interface IAudioRenderer
    {
        void Render(long firstSample, int count, long startUs);
    }

    /// <summary>
    /// Turns virtual time into audio: before the clock moves to a new moment, every sample up to it
    /// is rendered, in blocks of at most <see cref="BlockFrames"/>, so register writes made at that
    /// moment take effect at exactly that sample.
    /// </summary>
    /// <remarks>
    /// Scaling, everywhere in the emulator: levels are in full-scale units. In the digital domain
    /// 1.0 is digital full scale. In the analogue domain 1.0 is the peak of the signal a 0 dBFS
    /// sine produces at a DAC output with all gains at 0 dB (on the WM8960 about 1 V rms, i.e.
    /// 1.41 V peak), and an analogue input at 1.0 digitises to 0 dBFS through 0 dB of gain. Bias
    /// voltages use the same unit (the codec's VMID, AVDD/2 = 1.65 V, is about 1.17). The rate is
    /// fixed at 48 kHz: it is the analogue time base; a codec running at 44.1 kHz is rendered at
    /// this rate too (its clocking is checked, not resampled).
    /// </remarks>
    public sealed class AudioEngine : ITimeListener
    {
        public const int SampleRate = 48000;
        public const int BlockFrames = 256;

        private readonly IAudioRenderer _renderer;
        private long _nextSample;

        public AudioEngine(IAudioRenderer renderer)
        {
            _renderer = renderer;
            Rendering = true;
        }

        /// <summary>
        /// False for control-only runs (long soaks, the power bank over hours): time passes, the
        /// outputs are not computed (nor recorded, nor judged by the pop detectors).
        /// </summary>
        public bool Rendering { get; set; }

        /// <summary>The next sample to be rendered (all earlier ones are done).</summary>
        public long NextSample
        {
            get { return _nextSample; }
        }

        public static long TimeOfSampleUs(long sample)
        {
            return sample * 1000000L / SampleRate;
        }

        /// <summary>The first sample at or after <paramref name="timeUs"/>.</summary>
        public static long SampleAt(long timeUs)
        {
            return (timeUs * SampleRate + 999999L) / 1000000L;
        }

        public void AdvanceTo(long fromUs, long toUs)
        {
            long end = SampleAt(toUs);
            if (!Rendering)
            {
                _nextSample = end > _nextSample ? end : _nextSample;
                return;
            }

            while (_nextSample < end)
            {
                long remaining = end - _nextSample;
                int count = remaining < BlockFrames ? (int)remaining : BlockFrames;
                _renderer.Render(_nextSample, count, TimeOfSampleUs(_nextSample));
                _nextSample += count;
            }
        }
    }
}
