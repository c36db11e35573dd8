namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// What a scan of a stretch of ADC frames found (<see cref="IAdcTap.ScanFrames"/>), per channel
    /// (0 left, 1 right): the largest sample looked at, signed, and the frames next to it, for the
    /// peak meter's inter-sample estimate. Of a stretch of three frames or more the scan looks at
    /// frames 1, 1 + stride, 1 + 2·stride, … up to the last but one, so every candidate has both
    /// neighbours; of a shorter stretch at every frame, and a neighbour missing at an end is the
    /// peak itself. Of equal sizes the earliest wins. Preallocated by the reader.
    /// </summary>
    public sealed class StretchPeaks
    {
        public const int Channels = 2;

        /// <summary>The largest sample looked at (signed, 24-bit).</summary>
        public readonly int[] Peak = new int[Channels];

        /// <summary>The sample in the frame before it.</summary>
        public readonly int[] Before = new int[Channels];

        /// <summary>The sample in the frame after it.</summary>
        public readonly int[] After = new int[Channels];

        /// <summary>
        /// Finds the peaks in <paramref name="frames"/> interleaved frames from <paramref name="offset"/>,
        /// looking at every <paramref name="stride"/>-th (for taps that hold their frames as ints;
        /// the device's ring scans its raw slots itself).
        /// </summary>
        public void Find(int[] interleaved, int offset, int frames, int stride)
        {
            if (stride < 1)
            {
                stride = 1;
            }

            for (int c = 0; c < Channels; c++)
            {
                if (frames <= 0)
                {
                    Peak[c] = 0;
                    Before[c] = 0;
                    After[c] = 0;
                    continue;
                }

                int firstFrame = frames >= 3 ? 1 : 0;
                int lastFrame = frames >= 3 ? frames - 2 : frames - 1;
                int step = frames >= 3 ? stride : 1;
                int best = offset + 2 * firstFrame + c;
                int size = -1;
                for (int f = firstFrame; f <= lastFrame; f += step)
                {
                    int i = offset + 2 * f + c;
                    int value = interleaved[i] < 0 ? -interleaved[i] : interleaved[i];
                    if (value > size)
                    {
                        size = value;
                        best = i;
                    }
                }

                Peak[c] = interleaved[best];
                Before[c] = best - 2 >= offset ? interleaved[best - 2] : interleaved[best];
                After[c] = best + 2 < offset + 2 * frames ? interleaved[best + 2] : interleaved[best];
            }
        }
    }
}
