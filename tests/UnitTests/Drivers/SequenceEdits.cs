using InterfaceFirmware.Drivers;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Drivers
{
    /// <summary>Reordered and cut copies of a driver's sequences, for the tests that show a wrong order pops.</summary>
    internal static class SequenceEdits
    {
        /// <summary>The steps without those of <paramref name="kind"/> (e.g. without the waits).</summary>
        public static SequenceStep[] Without(SequenceStep[] steps, StepKind kind)
        {
            int count = 0;
            for (int i = 0; i < steps.Length; i++)
            {
                count += steps[i].Kind == kind ? 0 : 1;
            }

            var result = new SequenceStep[count];
            int j = 0;
            for (int i = 0; i < steps.Length; i++)
            {
                if (steps[i].Kind != kind)
                {
                    result[j++] = steps[i];
                }
            }

            return result;
        }

        /// <summary>The steps with the update of <paramref name="register"/> under <paramref name="mask"/> moved to the end.</summary>
        public static SequenceStep[] MoveToEnd(SequenceStep[] steps, int register, int mask)
        {
            var result = new SequenceStep[steps.Length];
            int j = 0;
            int moved = -1;
            for (int i = 0; i < steps.Length; i++)
            {
                if (steps[i].Kind == StepKind.Update && steps[i].Register == register && steps[i].Mask == mask)
                {
                    moved = i;
                }
                else
                {
                    result[j++] = steps[i];
                }
            }

            Assert.IsTrue(moved >= 0, "no such step");
            result[j] = steps[moved];
            return result;
        }

        /// <summary>The first <paramref name="count"/> steps.</summary>
        public static SequenceStep[] Head(SequenceStep[] steps, int count)
        {
            var result = new SequenceStep[count];
            System.Array.Copy(steps, result, count);
            return result;
        }

        /// <summary>The last <paramref name="count"/> steps.</summary>
        public static SequenceStep[] Tail(SequenceStep[] steps, int count)
        {
            var result = new SequenceStep[count];
            System.Array.Copy(steps, steps.Length - count, result, 0, count);
            return result;
        }
    }
}
