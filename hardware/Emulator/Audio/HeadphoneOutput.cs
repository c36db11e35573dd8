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
            for (int ch = 0; ch < 2; ch++)
            {
                if (!HeadphonePlugged)
                {
                    System.Array.Clear(_block[ch], 0, count);
                }
            }

            PopDetector.ProcessPair(_detectors[0], _detectors[1], _block[0], _block[1], count, startUs);
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
