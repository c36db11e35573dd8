using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Benchmarks
{
    /// <summary>
    /// The emulator's ADC tap seen the way the device sees it: what the board captured is packed a
    /// 128-frame block at a time into an <see cref="AdcBlockRing"/> as 32-bit little-endian slots
    /// (what nanoFramework's I2S driver copies natively on the device: not counted), and the
    /// firmware reads and skips through the ring (the hal's code: counted, as on the device).
    /// <see cref="Blocks"/> counts the blocks the device's reader thread would have committed: its
    /// managed work per block is measured apart (<see cref="FirmwareLoop"/>).
    /// </summary>
    public sealed class DeviceShapedTap : IAdcTap
    {
        public const int RingFrames = 2048;
        public const int BlockFrames = 128;

        private readonly IAdcTap _source;
        private readonly AdcBlockRing _ring = new AdcBlockRing(RingFrames, BlockFrames);
        private readonly int[] _block = new int[2 * BlockFrames];

        public DeviceShapedTap(IAdcTap source)
        {
            _source = source;
        }

        /// <summary>Blocks moved into the ring so far.</summary>
        public long Blocks { get; private set; }

        public int SampleRate
        {
            get { return _source.SampleRate; }
        }

        public int AvailableFrames
        {
            get { return _ring.AvailableFrames; } // what the reader thread has delivered: Fill runs between ticks
        }

        public int ReadFrames(int[] interleaved, int offset, int maxFrames)
        {
            return _ring.ReadFrames(interleaved, offset, maxFrames);
        }

        public int ScanFrames(int maxFrames, int stride, StretchPeaks peaks)
        {
            return _ring.ScanFrames(maxFrames, stride, peaks);
        }

        public int SkipFrames(int maxFrames)
        {
            return _ring.SkipFrames(maxFrames);
        }

        /// <summary>Moves what the board captured into the ring, whole blocks only, as the driver delivers them (the benchmark calls it between ticks: the reader thread's work, not the tick's).</summary>
        public void Fill()
        {
            while (_source.AvailableFrames >= BlockFrames)
            {
                _source.ReadFrames(_block, 0, BlockFrames);
                int at = _ring.BeginBlock();
                byte[] bytes = _ring.Bytes;
                for (int i = 0; i < 2 * BlockFrames; i++)
                {
                    int slot = _block[i] << 8;
                    int b = at + 4 * i;
                    bytes[b] = (byte)slot;
                    bytes[b + 1] = (byte)(slot >> 8);
                    bytes[b + 2] = (byte)(slot >> 16);
                    bytes[b + 3] = (byte)(slot >> 24);
                }

                _ring.CommitBlock();
                Blocks++;
            }
        }
    }
}
