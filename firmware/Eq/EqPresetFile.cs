using InterfaceFirmware.Firmware.Persistence;

namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// A preset as a file on the device's storage (what the command line's <c>eq import</c>
    /// writes): the magic "IFEQ", the preset's <see cref="EqPreset.SerializedSize"/> bytes, and
    /// the CRC-32 of both (little-endian) — <see cref="Size"/> = 59 bytes.
    /// </summary>
    public static class EqPresetFile
    {
        public const int Size = 4 + EqPreset.SerializedSize + 4;

        private static readonly byte[] Magic = { (byte)'I', (byte)'F', (byte)'E', (byte)'Q' };

        public static byte[] ToBytes(EqPreset preset)
        {
            var bytes = new byte[Size];
            for (int i = 0; i < 4; i++)
            {
                bytes[i] = Magic[i];
            }

            preset.WriteTo(bytes, 4);
            uint crc = Crc32.Compute(bytes, 0, Size - 4);
            for (int i = 0; i < 4; i++)
            {
                bytes[Size - 4 + i] = (byte)(crc >> (8 * i));
            }

            return bytes;
        }

        /// <summary>False (the preset left flat) for a wrong size, magic or CRC, or a preset that does not read.</summary>
        public static bool TryRead(byte[] bytes, EqPreset into)
        {
            into.Clear();
            if (bytes == null || bytes.Length != Size)
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                if (bytes[i] != Magic[i])
                {
                    return false;
                }
            }

            uint crc = Crc32.Compute(bytes, 0, Size - 4);
            uint stored = (uint)(bytes[Size - 4] | (bytes[Size - 3] << 8) | (bytes[Size - 2] << 16) | (bytes[Size - 1] << 24));
            return crc == stored && EqPreset.TryRead(bytes, 4, into);
        }
    }
}
