using System.Collections;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// One headphone jack's two channels as a listener gets them: the rendered voltages (full-scale
    /// units), a pop detector on each, and optional recording.
    /// </summary>
    public sealed class HeadphoneOutput
    {
        private readonly PopDetector[] _detectors = new PopDetector[2];
        private readonly SignalRecorder[] _recorders = new SignalRecorder[2];
        private readonly double[][] _block = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };

        // Pulling a plug out breaks the contact over a few milliseconds, and the listener is taking
        // the headphones off: what they hear fades, it does not click. Plugging into a live jack
        // stays an instant step (the firmware is expected to hold an empty jack silent).
        private const int UnplugFadeFrames = AudioEngine.SampleRate / 200; // 5 ms
        private bool _pluggedBefore = true;
        private int _unplugFade = UnplugFadeFrames;

        public HeadphoneOutput(string name, ArrayList popEvents)
        {
            Name = name;
            _detectors[0] = new PopDetector(name + ".L", popEvents);
            _detectors[1] = new PopDetector(name + ".R", popEvents);
            _recorders[0] = new SignalRecorder(name + ".L");
            _recorders[1] = new SignalRecorder(name + ".R");
            HeadphonePlugged = true;
        }

        public string Name { get; }

        /// <summary>A headphone is plugged in (32 Ω per side). Unplugged, the jack renders silence.</summary>
        public bool HeadphonePlugged { get; set; }

        public SignalRecorder Recorder(bool left)
        {
            return _recorders[left ? 0 : 1];
        }

        public PopDetector Detector(bool left)
        {
            return _detectors[left ? 0 : 1];
        }

        /// <summary>Starts or stops recording both channels.</summary>
        public void Record(bool on)
        {
            _recorders[0].Recording = on;
            _recorders[1].Recording = on;
        }

        /// <summary>The block buffer a renderer fills for one channel before <see cref="Commit"/>.</summary>
        public double[] Block(bool left)
        {
            return _block[left ? 0 : 1];
        }

        /// <summary>Runs the detectors and recorders over the block just filled.</summary>
        public void Commit(int count, long firstSample, long startUs)
        {
            Commit(count, firstSample, startUs, false);
        }

        /// <summary>
        /// Runs the detectors and recorders over the block just filled; <paramref name="silent"/>
        /// when the renderer knows both channels hold exact zeros only (the detectors need not look).
        /// </summary>
        public void Commit(int count, long firstSample, long startUs, bool silent)
        {
            if (_pluggedBefore && !HeadphonePlugged)
            {
                _unplugFade = 0;
            }

            _pluggedBefore = HeadphonePlugged;
            if (!HeadphonePlugged)
            {
                int start = _unplugFade;
                for (int ch = 0; ch < 2; ch++)
                {
                    double[] block = _block[ch];
                    int fade = start;
                    int i = 0;
                    for (; i < count && fade < UnplugFadeFrames; i++, fade++)
                    {
                        // raised cosine from 1 to 0
                        block[i] *= 0.5 + 0.5 * System.Math.Cos(System.Math.PI * (fade + 1) / UnplugFadeFrames);
                    }

                    System.Array.Clear(block, i, count - i);
                    _unplugFade = fade;
                }

                silent |= start >= UnplugFadeFrames;
            }

            if (silent)
            {
                _detectors[0].ProcessSilence(_block[0], count, startUs);
                _detectors[1].ProcessSilence(_block[1], count, startUs);
            }
            else
            {
                PopDetector.ProcessPair(_detectors[0], _detectors[1], _block[0], _block[1], count, startUs);
            }

            _recorders[0].Append(_block[0], 0, count, firstSample);
            _recorders[1].Append(_block[1], 0, count, firstSample);
        }

        /// <summary>Reports a glitch a chip model knows about on both channels.</summary>
        public void ReportGlitch(long timeUs, string detail)
        {
            _detectors[0].ReportGlitch(timeUs, 1.0, detail);
            _detectors[1].ReportGlitch(timeUs, 1.0, detail);
        }
    }
}
